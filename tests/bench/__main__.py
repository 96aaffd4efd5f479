from tests.bench.report import main

main()
