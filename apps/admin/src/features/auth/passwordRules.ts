/** The default policy the login page explains: at least 10 characters from at least 3 of 4 classes. */
export const DEFAULT_MIN_LENGTH = 10;
export const DEFAULT_MIN_CLASSES = 3;

export const characterClasses = (password: string): number =>
  [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;

export const meetsPolicy = (password: string, minLength = DEFAULT_MIN_LENGTH, minClasses = DEFAULT_MIN_CLASSES) =>
  [...password].length >= minLength && characterClasses(password) >= minClasses;
