const path = require('path');
const { task, src, dest } = require('gulp');

// tsc compiles the code; the node and credential icons are copied beside it.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false }).pipe(
		dest((file) => path.join('dist', path.relative(process.cwd(), file.base))),
	),
);
