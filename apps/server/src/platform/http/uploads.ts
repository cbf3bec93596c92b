/** The largest upload any route accepts (a 30,000-row roster spreadsheet is about 3 MB); routes may cap lower. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
