"""Serial console widgets."""
