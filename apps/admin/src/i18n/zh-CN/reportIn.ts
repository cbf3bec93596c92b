export const reportIn = {};
