"""Review panels, assignments and score sheets (built in the review issue)."""
