from lifemeeting.cli import main

main()
