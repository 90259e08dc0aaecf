"""Statistics over a learner's events: streaks, day series, a re-estimated level."""
