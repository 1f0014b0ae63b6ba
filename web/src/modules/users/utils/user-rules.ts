// Client-side checks that match the server's, so most mistakes are caught before a round trip.
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;
export const USERNAME_PATTERN = /^\S{1,64}$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,19}$/;
