from pm_origins.cli import main

main()
