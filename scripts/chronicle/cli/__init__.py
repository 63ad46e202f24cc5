"""The `chronicle` command: click commands over the library; they parse and print."""
