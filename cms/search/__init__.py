"""The site search (/suche/ and the field in every page's header).

terms: what a query means; matching: finding, ranking and marking on PostgreSQL and SQLite;
providers: the contract through which the apps above cms offer what they hold; pages: the
site's pages; results: one results page; forms: the form.
"""
