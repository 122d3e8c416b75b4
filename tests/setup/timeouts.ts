// Integration and e2e tests start a local cloud (and a browser): give them room.
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS || 120000));
