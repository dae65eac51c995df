// JSON.parse() and import() of a computed path return `any`, which the type-aware lint would follow
// through every use. These return `unknown` instead: the caller states the type it expects with a
// JSDoc cast.

/**
 * @param {string} text
 * @returns {unknown}
 */
export const parseJson = (text) => JSON.parse(text);

/**
 * @param {string} specifier
 * @returns {Promise<unknown>}
 */
export const importModule = (specifier) => import(specifier);
