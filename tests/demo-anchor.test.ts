import { demoClockAt } from '../src/modules/demo/demo-actor';
import { demoAnchor } from '../src/modules/demo/demo-anchor.model';
import { startTestService, stopTestService, type TestService } from './support/test-service';

// The demo data set is laid out around the moment it is first loaded into a database; later
// loads (another day, another process) reuse that moment, so they add and change nothing.
describe('demo anchor', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => stopTestService(service));

  it('is the first load instant, kept by every later load', async () => {
    const first = new Date('2027-03-10T09:30:00Z');
    expect(await demoAnchor(first)).toEqual(first);
    expect(await demoAnchor(new Date('2027-04-01T00:00:00Z'))).toEqual(first);
  });

  it("lays history out from the start of the load day in the province's time zone", () => {
    // 2027-03-10T17:30Z is 01:30 on 11 March in Asia/Shanghai (UTC+8).
    const clock = demoClockAt(new Date('2027-03-10T17:30:00Z'));
    expect(clock.day).toEqual(new Date('2027-03-10T16:00:00Z'));
    expect(clock.now).toEqual(new Date('2027-03-10T17:30:00Z'));
  });
});
