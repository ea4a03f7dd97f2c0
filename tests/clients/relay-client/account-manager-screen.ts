// The documents of a small Relay client (the account manager's screen): relay-compiler extracts
// the `graphql` tagged templates and compiles them against the live schema (tests/relay.test.ts).
const graphql = String.raw;

/** The manager's accounts: paginated and refetchable from the top-level list. */
export const accountList = graphql`
  fragment AccountList_query on Query
  @refetchable(queryName: "AccountListPaginationQuery")
  @argumentDefinitions(
    count: { type: "Int", defaultValue: 20 }
    cursor: { type: "String" }
    filter: { type: "KeyAccountFilter" }
  ) {
    keyAccounts(first: $count, after: $cursor, filter: $filter)
      @connection(key: "AccountList_keyAccounts", filters: ["filter"]) {
      totalCount
      edges {
        node {
          id
          name
          currentStage
          branch {
            id
            code
          }
          accountManager {
            id
            name
          }
          ...AccountTimeline_account
        }
      }
    }
  }
`;

/** One account's timeline: a nested connection, paginated through `node(id:)`. */
export const accountTimeline = graphql`
  fragment AccountTimeline_account on KeyAccount
  @refetchable(queryName: "AccountTimelinePaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" }) {
    id
    timeline(first: $count, after: $cursor) @connection(key: "AccountTimeline_timeline") {
      edges {
        node {
          __typename
          id
          stage
          occurredAt
          ... on FaultTicket {
            severity
            slaState
          }
          ... on ActivationOrder {
            status
            promisedAt
          }
        }
      }
    }
  }
`;

/** Work lists of the branch: open tickets and orders, paginated from the top level. */
export const openWork = graphql`
  fragment OpenWork_query on Query
  @refetchable(queryName: "OpenWorkPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    openFaultTickets(first: $count, after: $cursor) @connection(key: "OpenWork_openFaultTickets") {
      edges {
        node {
          id
          severity
          minutesLeft
          account {
            id
            name
          }
        }
      }
    }
  }
`;

/** Open activation orders, paginated from the top level. */
export const openOrders = graphql`
  fragment OpenOrders_query on Query
  @refetchable(queryName: "OpenOrdersPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    openActivationOrders(first: $count, after: $cursor)
      @connection(key: "OpenOrders_openActivationOrders") {
      edges {
        node {
          id
          status
          overdue
        }
      }
    }
  }
`;

/** A scorecard's drill-down list, paginated through `node(id:)` on the card. */
export const lateActivations = graphql`
  fragment ScorecardLateActivations_card on BranchScorecard
  @refetchable(queryName: "ScorecardLateActivationsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    id
    lateActivations(first: $count, after: $cursor)
      @connection(key: "ScorecardLateActivations_lateActivations") {
      edges {
        node {
          id
          latenessMinutes
        }
      }
    }
  }
`;

/** The screen's query. */
export const screen = graphql`
  query AccountManagerScreenQuery {
    ...AccountList_query
    ...OpenWork_query
    ...OpenOrders_query
  }
`;
