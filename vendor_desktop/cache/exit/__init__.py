"""What blocks leaving the marketplace (R-EXT-1), read from the cache."""
