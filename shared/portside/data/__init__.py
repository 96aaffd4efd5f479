"""PynamoDB models of the one table, and the reads and writes the domain needs."""
