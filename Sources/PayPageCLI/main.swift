// paypage: the command line. Filled in by the CLI work.
print("paypage")
