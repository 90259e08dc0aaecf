"""Classes: join codes, rosters, assignment levels, due times and each learner's status."""
