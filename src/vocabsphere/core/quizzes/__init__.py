"""Reading-comprehension quizzes from a story, checked against every level version it is assigned at."""
