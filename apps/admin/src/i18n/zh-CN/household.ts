export const household = {};
