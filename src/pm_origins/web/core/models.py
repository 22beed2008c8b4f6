from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """One rate-limit window's count, when the shared cache is the database.

    The database cache's ``incr`` reads and writes in two steps, so parallel
    requests could all read the same count; an UPDATE of this row is atomic.
    """

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
