# Imports a module that is not included: a run-time error.
import helpers  # noqa: F401
