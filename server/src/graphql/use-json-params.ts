import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * The variables and extensions of a GET (or a form POST) are JSON in the query string; graphql-yoga
 * parses them without a catch, and a SyntaxError would reach the client as INTERNAL. Answered as
 * what it is: a bad request (400, BAD_REQUEST), naming the parameter's problem.
 */
export function useJsonParams(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (e) {
          if (!(e instanceof SyntaxError)) throw e;
          throw createGraphQLError(`The request's variables or extensions are not JSON: ${e.message}`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
