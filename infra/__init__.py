"""The CDK app (coming with the stack) and the local runtime that serves the same handlers on a laptop."""
