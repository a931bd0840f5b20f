export const notFoundActivity = (id: string) =>
	`No campaign activity with ID "${id}" exists in this Constant Contact account (or it was deleted).`;
