"""A database connection that fails on purpose, as a lost connection does.

Installed with `connection.execute_wrapper(...)`: the n-th statement (and, with
`every_after`, every later one) raises the driver's own OperationalError, converted by
Django as a real one is, so the code under test cannot tell it from PostgreSQL going away
in the middle of a request.
"""


class FailingDatabase:
    def __init__(self, *, at: int = 1, every_after: bool = False):
        self.at = at
        self.every_after = every_after
        self.calls = 0

    def __call__(self, execute, sql, params, many, context):
        self.calls += 1
        if self.calls == self.at or (self.every_after and self.calls > self.at):
            with context["connection"].wrap_database_errors:
                raise context["connection"].Database.OperationalError(
                    "server closed the connection unexpectedly (simulated)"
                )
        return execute(sql, params, many, context)


class CountingDatabase:
    """Counts the statements sent, to know how many places there are to fail, and notes
    the first one that can change something (a write, a lock, a savepoint)."""

    CHANGING = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "BEGIN")

    def __init__(self):
        self.calls = 0
        self.first_change = None

    def __call__(self, execute, sql, params, many, context):
        self.calls += 1
        statement = sql.lstrip().upper()
        if self.first_change is None and (
            statement.startswith(self.CHANGING) or "FOR UPDATE" in statement
        ):
            self.first_change = self.calls
        return execute(sql, params, many, context)
