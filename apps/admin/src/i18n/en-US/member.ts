export const member = {};
