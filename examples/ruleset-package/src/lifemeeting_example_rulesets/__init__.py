"""Example rule sets for lifemeeting, found through the ``lifemeeting.rulesets`` entry point.

lifemeeting reads every ``*.yaml`` in this package's ``rulesets/`` folder; the package needs
no code beyond this file.
"""
