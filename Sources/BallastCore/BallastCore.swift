// BallastCore
