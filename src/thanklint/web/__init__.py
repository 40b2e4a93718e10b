"""`thanklint serve`: a local web page where a writer pastes a draft and sees the findings.

The page is one more client of the JSON report (`--format json`); nothing leaves the machine.
"""
