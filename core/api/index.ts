// The shared HTTP API schemas land with the server.
export {};
