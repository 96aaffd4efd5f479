"""Who is asking and what they may do: secrets, sessions, the permission matrix, the guard."""
