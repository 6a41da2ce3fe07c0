"""What every area's viewmodel shares: runners, the command queue, paged tables, labels, the session."""
