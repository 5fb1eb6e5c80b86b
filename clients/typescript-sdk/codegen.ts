import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates the SDK's types and typed documents from the contract in `api-schema/`: the schema
 * (`*.graphqls`) and the operations the SDKs ship (`operations/*.graphql`). Codegen validates every
 * operation against the schema, so an operation that no longer fits fails `generate`, and with it
 * `build` and `test`. The output is git-ignored and never edited by hand.
 */
const config: CodegenConfig = {
  schema: '../../api-schema/*.graphqls',
  documents: '../../api-schema/operations/*.graphql',
  // A glob that matches nothing is a broken build, not an empty SDK.
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        // Only the enums, inputs and scalars that operations need; results come from the operations.
        onlyOperationTypes: true,
        // Enums as string-literal unions: they erase at compile time, compare directly with the
        // JSON the server sends, and need no runtime import.
        enumsAsTypes: true,
        useTypeImports: true,
        // Results carry only the fields an operation asks for; __typename is never selected.
        skipTypename: true,
        // A nullable result field is always present (as null), so it is not optional.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Decimal: 'string',
          Currency: 'string',
          Long: 'number',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
