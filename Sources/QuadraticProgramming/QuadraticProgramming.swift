// QuadraticProgramming
