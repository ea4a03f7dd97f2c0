import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/** Hands each request's resolved operation to its loaders, so list reads project (field-reads). */
export const operationSelectionPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, schema, document, operation }) {
        if (operation) contextValue.loaders.selection.set(schema, document, operation);
      },
    };
  },
};
