/**
 * The account manager's screen as documented (docs/account-managers.md, "AccountManagerScreen"):
 * a page of accounts with branch, manager, orders, tickets and timeline. Shared by the cost-limit
 * test, the command-shape test and `bench:account-screen`.
 */
export const ACCOUNT_SCREEN = `query AccountManagerScreen($first: Int = 100, $events: Int = 5) {
  keyAccounts(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name tier currentStage
      branch { id code name }
      accountManager { id name }
      activationOrders(first: $events) { edges { node { id product status promisedAt overdue } } }
      faultTickets(first: $events) { edges { node { id severity status slaState minutesLeft } } }
      timeline(first: $events) { edges { node { __typename id stage occurredAt } } }
    } }
  }
}`;
