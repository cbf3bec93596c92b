/** What a contract schema accepts (request bodies and queries, before defaults apply). */
export type In<S> = S extends { _input: infer I } ? I : never;
/** What a contract schema produces (responses). */
export type Out<S> = S extends { _output: infer O } ? O : never;
