"""The placement test: an adaptive yes/no vocabulary check with pseudowords, meaning checks on claimed
words, and a short text with questions; the result is a CEFR level with its uncertainty and a
vocabulary size, with how they were reached."""
