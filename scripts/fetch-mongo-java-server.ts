import { fetchStandIn, standInFetched } from '../src/db/mongo-java-server';

/** Fetches the embedded database stand-in (mongo-java-server) from Maven Central into .cache/. */
export function main(): void {
  if (standInFetched()) {
    console.log('mongo-java-server: already in .cache/mongo-java-server');
    return;
  }
  fetchStandIn();
  console.log('mongo-java-server: fetched into .cache/mongo-java-server');
}

main();
