// BallastOptimizer
