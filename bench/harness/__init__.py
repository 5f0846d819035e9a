"""The benchmarks' shared harness: the data set (dataset), the machine and its load (machine),
the application server (server), the load client (load), what every benchmark prepares and
measures alike (common), and the participation load mix (participation_mix). Each benchmark
in bench/<name>/ keeps only what it measures."""
