/**
 * A backup or restore that cannot go on, with a message written for the operator at the console: what is wrong and
 * what to do. The CLI prints it and exits 1; nothing has been replaced when it is thrown.
 */
export class BackupError extends Error {}
