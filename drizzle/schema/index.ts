export * from "./establishments";
export * from "./people";
export * from "./classes";
export * from "./auth";
export * from "./grades";
