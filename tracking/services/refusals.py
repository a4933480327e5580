class TrackingRefused(Exception):
    """A tracking step breaks a rule; the message says which, for the person who tried it."""
