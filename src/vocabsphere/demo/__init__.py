"""Demo content written for VocabSphere itself (short sample articles, CC0)."""
