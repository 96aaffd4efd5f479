"""The dashboards: the partner's front page (who is signed in, for which partner, the recent updates) and
the console's home (the sections an admin's roles open, and what waits).

``routes``; ``pages`` (the partner dashboard's context); ``updates`` (a partner's recent updates, written by
every feature in the transaction of the change it reports).
"""
