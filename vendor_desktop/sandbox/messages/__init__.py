"""Messages (站内信): the marketplace's in-app messages to the vendor and who has read them."""
