from chronicle.cli.main import main

main()
