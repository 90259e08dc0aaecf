"""Background jobs on Huey: a SQLite-backed queue served inside the web process by default,
a Redis queue shared by any number of `vocabsphere worker` processes when configured."""
