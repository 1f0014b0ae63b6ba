// An error the CLI prints as one line, without a stack: the user asked for something it cannot do.
export class CliError extends Error {}
